"""banenafspraak: the Dutch jobs agreement for people with an occupational disability, as open code."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("banenafspraak")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+onbekend"
