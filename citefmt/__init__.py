"""citefmt — read references in any form, keep them as CSL-JSON, render them through CSL styles."""

__version__ = "0.1.0"
