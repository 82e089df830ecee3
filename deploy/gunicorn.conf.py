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
max_requests = 2000  # recycle workers now and then
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FAZHI_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
