"""Calculator “documents”: the filing package (measures arts. 15–19, 27) and the case checklist
(arts. 10–46) generated from the facts of one case, as one document model (blocks.py) that
the page renders as HTML, prints, and writes to .docx.

Modules, one job each: calculator (reads the facts, asks the other calculators), case (the
facts), rows (the agents and evidence lists), blocks (the model), citing (citations as a
filing writes them), answer / evidence / filing / risk / checklist (one per document).
"""
from .calculator import documents
from .spec import SPEC

__all__ = ["SPEC", "documents"]
