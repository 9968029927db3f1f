import pytest

from lib import pricebook


@pytest.fixture(scope="session")
def book():
    return pricebook.load()
