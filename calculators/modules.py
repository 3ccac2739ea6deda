"""Importing this registers every calculator (one module each)."""
from . import undertaker  # noqa: F401
from . import principal  # noqa: F401
from . import quota  # noqa: F401
from . import deadlines  # noqa: F401
from . import filing_period  # noqa: F401
from . import documents  # noqa: F401
from . import statistics  # noqa: F401
