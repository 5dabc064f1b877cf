# Handbooks and publications (docs/publications.md). Included by the Makefile.
# System libraries of WeasyPrint (edition PDFs) on Debian/Ubuntu, and the fonts the PDFs use:
# DejaVu covers Latin, Cyrillic, Arabic and Persian; no font is downloaded at run time.
PDF_APT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libharfbuzz0b \
	libfontconfig1 fontconfig shared-mime-info fonts-dejavu-core

.PHONY: pdf-deps pdf-check pdf-rebuild

pdf-deps: ## Install WeasyPrint's system libraries and fonts with apt-get (needs root)
	@if $(PY) -c "import weasyprint" >/dev/null 2>&1 && fc-list | grep -q DejaVuSans \
		&& /sbin/ldconfig -p | grep -q libharfbuzz-subset; then \
		echo "pdf-deps: WeasyPrint libraries (HarfBuzz-Subset included) and DejaVu fonts present"; \
	else \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(PDF_APT_PACKAGES); \
	fi

pdf-check: ## Render a test PDF with Arabic text (checks WeasyPrint, Pango and fonts)
	$(PY) -c "import weasyprint; d = weasyprint.HTML(string='<p>Beratung</p><p dir=rtl lang=ar>استشارة</p>').write_pdf(); print('pdf-check: ok,', len(d), 'bytes')"

pdf-rebuild: ## Render the missing PDFs of every live handbook edition, in every language
	$(PY) manage.py render_pdfs
