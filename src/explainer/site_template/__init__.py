"""The files `explainer new-site` writes: a small site that checks and builds as it is."""
