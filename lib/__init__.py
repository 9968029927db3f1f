"""Registry Decision Dashboard: pricing library, decision engine and builders.

Plain Python: nothing here imports streamlit, so every figure the app shows can be tested
and reproduced from the command line (`python -m lib ...`).
"""
