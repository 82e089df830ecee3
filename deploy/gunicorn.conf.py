"""gunicorn settings for one Fazhi app server: `gunicorn -c deploy/gunicorn.conf.py fazhi.wsgi:application`.

The app server keeps no state of its own (sessions in the database, cache and rate-limit counts in Redis
when FAZHI_REDIS_URL is set, uploads under FAZHI_DATA_DIR on shared storage), so more servers can be
added behind the load balancer.
"""
import multiprocessing
import os

bind = os.environ.get("FAZHI_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("FAZHI_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("FAZHI_THREADS", "1"))
timeout = 60  # a report .docx for one township-year renders in well under a second
graceful_timeout = 30
# Recycling a worker is a safety net against slow leaks, not a routine: at 2,000 requests a busy server (a
# province's portal at a consultation's deadline, bench/load.py) restarted every worker every 10-20 s, and each
# restart re-imported Django and warmed its caches again (bench/RESULTS.md, 2026-12-06 evening).
max_requests = 50000
max_requests_jitter = 5000
# The application is imported once, in the master, and each worker forks from it: a new or recycled worker is
# serving in milliseconds and shares the imported code's memory. Nothing opens a database or cache connection
# at import (fazhi/core/tests/test_production_settings.py checks it), so no connection is shared across the fork.
preload_app = True
forwarded_allow_ips = os.environ.get("FAZHI_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
