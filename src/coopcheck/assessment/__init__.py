"""Assessment: from evidence to the scored, explained verdict on one partnership.

`coopcheck.assessment.engine.assess(loaded, as_of, params)` is the entry point; `model` is the JSON
contract it returns, and `parameters` holds every weight and cut-off with its default.
"""
