# Packaging targets, included by the top-level Makefile (-include packaging/packaging.mk).
#   make dist           PyInstaller one-folder build: dist/SearchApp/ and dist/SearchApp-<ver>-linux-x86_64.tar.gz
#   make deb            dist/searchapp_<ver>_amd64.deb (dpkg-deb; /opt/searchapp, /usr/bin/searchapp, menu entry)
#   make package-check  both of the above, then every artifact's --self-test and the metadata validators
# See packaging/README.md. Uses VENV/BIN from the top-level Makefile.

PKG_VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' searchapp/__init__.py)
PKG_TARBALL := dist/SearchApp-$(PKG_VERSION)-linux-x86_64.tar.gz
PKG_DEB := dist/searchapp_$(PKG_VERSION)_amd64.deb
STAMP_PACKAGE := $(VENV)/.installed-package

.PHONY: dist deb package-check

$(STAMP_PACKAGE): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $@ $(STAMP_RUN)

dist: $(STAMP_PACKAGE)
	@test -n "$(PKG_VERSION)" || { echo "no __version__ in searchapp/__init__.py" >&2; exit 1; }
	rm -rf dist/SearchApp build/pyinstaller $(PKG_TARBALL)
	@start=$$(date +%s); \
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/searchapp.spec && \
	tar -C dist -czf $(PKG_TARBALL) SearchApp && \
	echo "dist: dist/SearchApp $$(du -sh dist/SearchApp | cut -f1), $(PKG_TARBALL) $$(du -h $(PKG_TARBALL) | cut -f1), $$(( $$(date +%s) - start ))s"

deb: dist
	packaging/build_deb.sh $(PKG_VERSION)

package-check: deb
	$(BIN)/python packaging/package_check.py --version $(PKG_VERSION) --tarball $(PKG_TARBALL) --deb $(PKG_DEB)
