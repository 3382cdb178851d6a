"""newsrag's version: its own module, so that any module may import it without importing the
package's `__init__` (which re-exports the Assistant)."""

__version__ = "0.1.0"
