"""Loading: strict YAML and CSV reading, schema validation and cross-file rules, with positions."""

from coopcheck.loading.diagnostics import Diagnostic
from coopcheck.loading.loader import LoadResult, load_partnership, staged

__all__ = ["Diagnostic", "LoadResult", "load_partnership", "staged"]
