"""Union-find over string nodes, shared by identity merging and reply threading."""

from __future__ import annotations

__all__ = ["UnionFind"]


class UnionFind:
    """Disjoint sets of strings, with path compression.

    The smaller node name becomes the root of a union, so the roots never depend on the order
    the unions came in.
    """

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, node: str) -> str:
        """The root of ``node``'s set (a node never seen is a set of its own)."""
        parent = self._parent
        root = node
        while (up := parent.get(root, root)) != root:
            root = up
        while (up := parent.get(node, node)) != root:
            parent[node] = root
            node = up
        return root

    def union(self, a: str, b: str) -> bool:
        """Join the sets of ``a`` and ``b``; whether they were apart."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        if root_a < root_b:
            self._parent[root_b] = root_a
        else:
            self._parent[root_a] = root_b
        return True

    def same(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` are in one set."""
        return a == b or self.find(a) == self.find(b)
