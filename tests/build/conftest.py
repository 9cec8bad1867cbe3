"""Build tests share the project helpers in tests/support/project.py and the `real_site` fixture in tests/conftest.py."""
