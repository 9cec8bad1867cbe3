"""explainer: structured YAML content in, a searchable static explainer site out."""
