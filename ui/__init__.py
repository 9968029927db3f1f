"""Streamlit components. Each owns its session-state keys; computing stays in lib/."""

from typing import Any

# Where a component draws: the `streamlit` module itself or a container it made (a column, an expander,
# the sidebar). Both offer the same element calls, which no one Streamlit type declares.
Box = Any
