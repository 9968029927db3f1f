"""Things loaded once per process."""

import streamlit as st

from lib import pricebook
from lib.errors import PriceBookError
from lib.i18n import _


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
