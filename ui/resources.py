"""Things loaded once per process."""

import streamlit as st

from lib.core.errors import PriceBookError
from lib.core.i18n import _
from lib.inputs import pricebook


@st.cache_resource(show_spinner=False)
def _load_book() -> pricebook.PriceBook:
    return pricebook.load()


def price_book() -> pricebook.PriceBook:
    """The price book, or a clear message and a stop: nothing can be priced without it."""
    try:
        return _load_book()
    except PriceBookError as e:
        st.error(_("The price book cannot be used: {problem}").format(problem=e))
        st.stop()
