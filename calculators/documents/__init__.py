"""Calculator “documents”: the papers of a case (measures arts. 13–20, 27, 30, 33–36) and the
case checklist (arts. 10–46) generated from the facts of one case, as one document model
(blocks.py) that the page renders as HTML, prints, and writes to .docx.

Modules, one job each: calculator (reads the facts, asks the other calculators), fields (the
form), parties (pasted party lines), case (the facts and the case titles), rows (the lists),
blocks (the model), citing (citations as a filing writes them), papers (which papers a case
calls for), objections and substance (the answer's reasoning), and one module per group of
papers: answer (traditional) / element (element-style), evidence, filing, hearing, appeal,
judgment, risk, checklist.
"""
from .calculator import documents
from .spec import SPEC

__all__ = ["SPEC", "documents"]
