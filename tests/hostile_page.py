"""A release whose every field tries to run script in the viewer's page (tests/test_viewer*.py).

The sender, recipients, subjects and bodies hold what would end the page's JSON script element
(``</script>``), markup with event handlers, ``javascript:`` URLs, an HTML comment opener, the
line and paragraph separators that ended old JavaScript strings, and a right-to-left override.
A page that runs any of it sets ``window.__pwned`` or opens an alert.
"""

from __future__ import annotations

SCRIPT = "</script><script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2;alert(2)">'
HOSTILE = (
    f"From: {SCRIPT}\n"
    "Sent: Thursday, 4 July 2019 5:26 AM\n"
    f"To: {IMG}; javascript:window.__pwned=3\n"
    f"Subject: RE: {SCRIPT} {IMG}\n"
    "\n"
    f'Body {IMG} s6(a) <a href="javascript:window.__pwned=5">click</a>\n'
    f"{SCRIPT} and \u202etxt.exe reversed\n"
    "<!-- <template><style> ]]> &amp; &lt;b&gt;\u2028\u2029 -->\n"
    "\n"
    'From: <svg onload="window.__pwned=6">\n'
    "Sent: Wednesday, 3 July 2019 5:00 AM\n"
    "To: NAD\n"
    f"Subject: {SCRIPT} {IMG}\n"
    "\n"
    "javascript:alert(document.cookie)\n"
)
