"""Streamlit components. Each owns its session-state keys; computing stays in lib/."""
