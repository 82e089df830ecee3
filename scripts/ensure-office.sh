#!/usr/bin/env bash
# PDF downloads and their tests need LibreOffice (headless Writer), open CJK fonts and poppler's
# pdftotext; python3-uno lets `fazhi worker` keep one LibreOffice running for every PDF (fazhi/core/office.py).
# Install them when we can; otherwise say loudly that the PDF tests will be skipped (everything else still
# runs, and the site offers the Word file instead of the PDF).
PACKAGES="libreoffice-writer-nogui python3-uno fonts-noto-cjk fonts-arphic-ukai poppler-utils"
have_all() {
  command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 \
    && fc-list 2>/dev/null | grep -q "Noto Serif CJK SC" && fc-list 2>/dev/null | grep -q "AR PL UKai" \
    && /usr/bin/python3 -c "import uno" >/dev/null 2>&1
}
if have_all; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "正在安装 LibreOffice 和中文字体（PDF 测试需要）…"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null) \
    && have_all && exit 0
fi
echo "################################################################"
echo "# WARNING: LibreOffice (soffice), pdftotext or the CJK fonts are"
echo "# missing and could not be installed. PDF tests will be SKIPPED."
echo "# Install the Debian packages: $PACKAGES"
echo "################################################################"
exit 0
