"""Shared fixtures: the real releases under tests/data, parsed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

import cablethread

DATA = Path(__file__).parent / "data"
SEED_PATH = DATA / "mfat_xinjiang_oia.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(seed_text: str) -> cablethread.Release:
    return cablethread.parse(seed_text, source="mfat_xinjiang_oia.txt")
