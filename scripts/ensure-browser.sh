#!/usr/bin/env bash
# Browser tests drive Debian's chromium through Playwright. Install it when we can;
# otherwise say loudly that the browser tests will be skipped (the rest still runs).
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "正在安装 chromium（浏览器测试需要）…"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
    && exit 0
fi
echo "################################################################"
echo "# WARNING: /usr/bin/chromium is missing and could not be installed."
echo "# Browser tests will be SKIPPED. Install Debian's 'chromium' package."
echo "################################################################"
exit 0
