"""Probe of issue 20: sends the outside probe's attack requests to a running server and prints what each answered.

    FAZHI_DATA_DIR=… .venv/bin/fazhi migrate -v0 && .venv/bin/fazhi demo      # the demo county SFX
    .venv/bin/fazhi runserver 127.0.0.1:8765                                   # debug, or production mode:
    FAZHI_ENV=production SECRET_KEY=… ALLOWED_HOSTS=127.0.0.1 FAZHI_HTTPS=false .venv/bin/fazhi runserver --insecure 127.0.0.1:8765
    .venv/bin/python bench/probe_issue20.py http://127.0.0.1:8765

Each line: what was tried → status (and the start of the answer). A 5xx is marked "!!". It changes the demo data
(a record, a review, an application): run it against a throw-away database. Not a test; see the report.
"""
from __future__ import annotations

import io
import json
import re
import sys
import time
import zipfile

import requests
from openpyxl import Workbook

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8765"
PASSWORD = "fazhi-demo-2025"
failures = 0


def show(what: str, response: requests.Response, *, want=None) -> requests.Response:
    global failures
    text = response.text
    try:
        text = json.dumps(response.json(), ensure_ascii=False)
    except ValueError:
        found = re.search(r'<p class="message">(.*?)</p>|<div class="errors">(.*?)</div>|<li class="msg-\w+">(.*?)</li>', text, re.S)
        text = (found and next(g for g in found.groups() if g)) or re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))
    mark = "!!" if response.status_code >= 500 else "  "
    if want is not None and response.status_code not in (want if isinstance(want, tuple) else (want,)):
        mark, failures = "XX", failures + 1
    print(f"{mark} {what:<78} → {response.status_code} {text.strip()[:110]}")
    return response


def login(username: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{BASE}/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    session.post(f"{BASE}/login/", data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
                 headers={"Referer": f"{BASE}/login/"})
    session.headers["X-CSRFToken"] = session.cookies.get("csrftoken", "")
    session.headers["Referer"] = f"{BASE}/"
    return session


def form_token(session: requests.Session, path: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', session.get(f"{BASE}{path}").text).group(1)


def probe_xlsx() -> bytes:
    wb = Workbook()
    wb.active.append(["活动日期", "主题"])
    wb.active.cell(row=40_000, column=1, value="2025-03-01")
    raw = io.BytesIO()
    wb.save(raw)
    source = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                start = text.index("<dimension")
                data = (text[:start] + '<dimension ref="A1:XFD40000"/>' + text[text.index("/>", start) + 2:]).encode()
            target.writestr(item, data)
    return out.getvalue()


def main() -> None:
    clerk, county = login("qingshan_clerk"), login("county_supervisor")
    officer, sifasuo, reviewer = login("qingshan_officer"), login("qingshan_sifasuo"), login("qingshan_reviewer")
    anon = requests.Session()
    year = time.localtime().tm_year - 1
    print(f"# {BASE}")
    print("## 1 bounds")
    record = clerk.get(f"{BASE}/api/ledgers/publicity-events/", params={"year": year}).json()["results"][0]
    url = f"{BASE}/api/ledgers/publicity-events/{record['id']}/"
    show("PATCH audience=9223372036854775807", clerk.patch(url, json={"audience": 9223372036854775807}), want=400)
    show("PATCH audience=1000001", clerk.patch(url, json={"audience": 1000001}), want=400)
    plan = clerk.get(f"{BASE}/api/ledgers/work-plans/").json()["results"]
    if plan:
        show("PATCH work-plans year=10**15", clerk.patch(f"{BASE}/api/ledgers/work-plans/{plan[0]['id']}/", json={"year": 10**15}), want=400)
    tasks = clerk.get(f"{BASE}/api/ledgers/responsibility-tasks/").json()["results"]
    if tasks:
        show("PATCH responsibility-tasks due_on=9999-12-31",
             clerk.patch(f"{BASE}/api/ledgers/responsibility-tasks/{tasks[0]['id']}/", json={"due_on": "9999-12-31"}), want=400)
    show("county /indicators/ afterwards", county.get(f"{BASE}/indicators/", params={"year": year}), want=200)
    show("county /oversight/compare/ afterwards", county.get(f"{BASE}/oversight/compare/", params={"year": year}), want=200)
    show("/api/indicators/?org=SFX01", county.get(f"{BASE}/api/indicators/", params={"org": "SFX01", "year": year}), want=200)

    print("## 2 separation of duties")
    contract = clerk.post(f"{BASE}/contracts/new/", data={
        "title": "探测合同", "counterparty": "某公司", "handling_unit": "党政办", "amount": "1000",
        "csrfmiddlewaretoken": form_token(clerk, "/contracts/new/")}, allow_redirects=False)
    pk = re.search(r"/contracts/(\d+)/", contract.headers.get("Location", "")).group(1)
    clerk.post(f"{BASE}/contracts/{pk}/review/", data={"submitted_on": time.strftime("%Y-%m-%d"), "days_allowed": "5",
                                                       "csrfmiddlewaretoken": form_token(clerk, f"/contracts/{pk}/")})
    review = clerk.get(f"{BASE}/api/reviews/", params={"status": "open", "kind": "contract"}).json()["results"]
    review = next(r for r in review if r["title"].startswith("探测合同") or "探测合同" in r["title"])
    conclude = f"{BASE}/api/reviews/{review['id']}/conclude/"
    show("clerk concludes the review of her own contract (API)", clerk.post(conclude, json={"opinion": "approved"}), want=403)
    show("officer concludes it", officer.post(conclude, json={"opinion": "approved"}), want=403)
    show("judicial_office (司法所) concludes it", sifasuo.post(conclude, json={"opinion": "approved"}), want=200)
    show("officer voids a contract", officer.post(f"{BASE}/contracts/{pk}/void/", data={"reason": "x"}), want=403)
    show("officer opens disclosure applications", officer.get(f"{BASE}/disclosure/requests/"), want=403)
    show("reviewer writes a ledger record", reviewer.post(f"{BASE}/api/ledgers/meetings/", json={"topic": "x"}), want=403)

    print("## 3 bounded import")
    started = time.monotonic()
    response = clerk.post(f"{BASE}/ledgers/publicity-events/import/",
                          data={"year": str(year), "csrfmiddlewaretoken": form_token(clerk, "/ledgers/publicity-events/import/")},
                          files={"file": ("probe.xlsx", probe_xlsx())})
    show(f"6 KB xlsx, A1:XFD40000, row 40000 ({time.monotonic() - started:.2f} s)", response, want=200)

    print("## 4/5 control characters and formulas in generated files")
    show("PATCH title with \\x0b", clerk.patch(url, json={"title": "宪法\x0b进村"}), want=200)
    show("PATCH title with \\x07", clerk.patch(url, json={"title": "响铃\x07"}), want=400)
    show("township report.docx", clerk.get(f"{BASE}/reports/view/SFX01/{year}/report.docx"), want=200)
    criteria = clerk.get(f"{BASE}/api/ledgers/assessment-criteria/", params={"year": year}).json()["results"]
    if criteria:
        show("criterion named =HYPERLINK(…)", clerk.patch(f"{BASE}/api/ledgers/assessment-criteria/{criteria[0]['id']}/",
                                                           json={"name": '=HYPERLINK("http://evil.example/x","点击")'}), want=200)
    xlsx = show("results.xlsx", clerk.get(f"{BASE}/assessment/SFX01/{year}/results.xlsx"), want=200)
    if xlsx.status_code == 200:
        sheet = zipfile.ZipFile(io.BytesIO(xlsx.content)).read("xl/worksheets/sheet1.xml").decode()
        print(f"   results.xlsx has a formula cell: {'<f>' in sheet}")

    print("## 6 idempotency")
    body = {"organisation": "SFX01", "applicant_type": "natural", "applicant_name": "张探测", "contact": "13800000001",
            "description": "本镇2025年农村低保对象名单"}
    key = {"Idempotency-Key": f"probe-{time.time()}"}
    show("first application", anon.post(f"{BASE}/api/public/disclosure-requests", json=body, headers=key), want=201)
    show("same key, same body", anon.post(f"{BASE}/api/public/disclosure-requests", json=body, headers=key), want=200)
    show("same key, other body", anon.post(f"{BASE}/api/public/disclosure-requests",
                                           json=body | {"applicant_name": "李其他"}, headers=key), want=409)

    print("## 7 no 5xx from any input")
    show("lone surrogate (public API)", anon.post(f"{BASE}/api/public/disclosure-requests",
                                                  data=json.dumps(body | {"applicant_name": "\ud800张三"}),
                                                  headers={"Content-Type": "application/json"}), want=400)
    show("lone surrogate (staff API)", clerk.patch(url, data='{"title": "\\ud800"}', headers={"Content-Type": "application/json"}), want=400)
    show("JSON nested 100 000 levels", anon.post(f"{BASE}/api/public/disclosure-requests", data="[" * 100_000 + "]" * 100_000,
                                                 headers={"Content-Type": "application/json"}), want=400)
    show("body of 11 MB (public API)", anon.post(f"{BASE}/api/public/disclosure-requests", data=b"{" + b" " * (11 * 2**20) + b"}",
                                                 headers={"Content-Type": "application/json"}), want=413)
    show("body of 13 MB (a ledger form)", clerk.post(f"{BASE}/ledgers/meetings/new/", data={"topic": "x" * (13 * 2**20)}), want=413)
    fields = "&".join(f"f{i}=1" for i in range(1100))
    show("1100 form fields (staff API)", clerk.post(f"{BASE}/api/ledgers/meetings/", data=fields,
                                                    headers={"Content-Type": "application/x-www-form-urlencoded"}), want=400)
    show("1100 form fields (login page)", anon.post(f"{BASE}/login/", data=fields,
                                                    headers={"Content-Type": "application/x-www-form-urlencoded"}), want=(400, 403))
    show("NUL in path /portal/SFX01%00/", anon.get(f"{BASE}/portal/SFX01%00/"), want=404)
    show("NUL in path /api/ledgers/x%00/", clerk.get(f"{BASE}/api/ledgers/x%00/"), want=404)

    print("## 9 void reasons")
    show('void reason "\\u200b"', clerk.post(f"{url}void/", json={"reason": "\u200b"}), want=400)
    show("void reason as a JSON list", clerk.post(f"{url}void/", json={"reason": ["重复"]}), want=400)

    print("## 10 smaller")
    cookie = next((c for c in anon.cookies if c.name == "csrftoken"), None) or next(c for c in clerk.cookies if c.name == "csrftoken")
    print(f"   csrftoken HttpOnly: {cookie.has_nonstandard_attr('HttpOnly')}")
    show("public API, form-encoded body", anon.post(f"{BASE}/api/public/disclosure-requests", data=body), want=415)
    show("admin: change an annual report", login("admin").post(f"{BASE}/admin/reports/annualreport/1/change/", data={"title": "x"}),
         want=(403, 404))
    print(f"# {failures} answer(s) not as expected")


if __name__ == "__main__":
    main()
