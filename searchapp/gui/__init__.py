"""The PySide6 desktop window over searchapp.core. All Qt code of the application lives here."""
