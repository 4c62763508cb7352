"""The assertions in tests/collaboration/page_actions.py's helpers report their values as a
test's own do."""

import pytest

pytest.register_assert_rewrite("tests.collaboration.page_actions")
