#!/usr/bin/env python3
"""Writes Tracedeck's bundled sample traces (OTLP JSON). Timestamps are relative: the app shifts each
trace so it ends "now" when loaded. Run: python3 make_samples.py"""
import json

BASE = 1_700_000_000_000_000_000


def ns(ms):
    return str(BASE + int(ms * 1_000_000))


def attr(key, value):
    if isinstance(value, bool):
        v = {"boolValue": value}
    elif isinstance(value, int):
        v = {"intValue": str(value)}
    elif isinstance(value, float):
        v = {"doubleValue": value}
    else:
        v = {"stringValue": value}
    return {"key": key, "value": v}


class Trace:
    def __init__(self, trace_id):
        self.trace_id = trace_id
        self.by_service = {}
        self.next_id = 1

    def span(self, service, name, start_ms, end_ms, parent=None, kind=1, attrs=None, error=None, events=None):
        span_id = f"{self.next_id:016x}"
        self.next_id += 1
        s = {"traceId": self.trace_id, "spanId": span_id, "name": name, "kind": kind,
             "startTimeUnixNano": ns(start_ms), "endTimeUnixNano": ns(end_ms),
             "attributes": [attr(k, v) for k, v in (attrs or {}).items()], "status": {}}
        if parent:
            s["parentSpanId"] = parent
        if error:
            s["status"] = {"code": 2, "message": error}
        if events:
            s["events"] = events
        self.by_service.setdefault(service, []).append(s)
        return span_id

    def request(self):
        return {"resourceSpans": [
            {"resource": {"attributes": [attr("service.name", svc), attr("telemetry.sdk.language", "python")]},
             "scopeSpans": [{"scope": {"name": "tracedeck.samples", "version": "1"}, "spans": spans}]}
            for svc, spans in self.by_service.items()]}


def rest_request():
    t = Trace("5a3f0c1e9b7d4e2fa1c3b5d7e9f10001")
    http = lambda m, route, code: {"http.request.method": m, "http.route": route, "url.full": f"http://shop.local{route}",
                                    "http.response.status_code": code, "request_id": "req-7f3a"}
    root = t.span("web-frontend", "POST /checkout", 0, 412, kind=2, attrs={**http("POST", "/checkout", 200), "user.id": "ann"})
    gw = t.span("api-gateway", "POST /api/orders", 8, 405, root, 3, http("POST", "/api/orders", 200))
    auth = t.span("auth-service", "verify token", 12, 31, gw, 2, {"enduser.id": "ann"})
    t.span("redis", "GET session:ann", 15, 18, auth, 3, {"db.system": "redis", "db.operation": "GET"})
    orders = t.span("orders-service", "create order", 35, 398, gw, 2, http("POST", "/orders", 200))
    t.span("postgres", "INSERT orders", 40, 61, orders, 3, {"db.system": "postgresql", "db.statement": "INSERT INTO orders (user_id, total) VALUES ($1, $2)"})
    inv = t.span("inventory-service", "reserve items", 65, 190, orders, 2, http("POST", "/inventory/reserve", 200))
    for i, sku in enumerate(["SKU-1042", "SKU-2208", "SKU-3315"]):
        t.span("postgres", f"UPDATE stock {sku}", 70 + i * 38, 100 + i * 38, inv, 3, {"db.system": "postgresql"})
    pay = t.span("payments-service", "charge card", 195, 380, orders, 2, http("POST", "/payments/charge", 200))
    t.span("payments-service", "POST api.stripe.com/v1/charges", 205, 240, pay, 3,
           http("POST", "/v1/charges", 502), error="upstream 502, retrying")
    t.span("payments-service", "POST api.stripe.com/v1/charges (retry 1)", 262, 371, pay, 3, http("POST", "/v1/charges", 200))
    t.span("orders-service", "publish order.created", 383, 392, orders, 4, {"messaging.system": "kafka"})
    return t.request()


def messages(*pairs):
    return json.dumps([{"role": r, "parts": [{"type": "text", "content": c}]} for r, c in pairs])


def agent_run():
    t = Trace("5a3f0c1e9b7d4e2fa1c3b5d7e9f10002")
    system = "You are Tracedeck's demo support agent. Use tools to look up orders. Be brief."
    question = "Where is my order #4471? It was supposed to arrive yesterday."
    common = {"gen_ai.system": "openai", "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o",
              "gen_ai.request.temperature": 0.2, "gen_ai.request.max_tokens": 512, "session.id": "sess-support-17",
              "user.id": "ann"}
    root = t.span("support-agent", "agent run: support ticket", 0, 6200,
                  attrs={"gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "support-agent",
                         "session.id": "sess-support-17", "user.id": "ann"})
    call1 = [("system", system), ("user", question)]
    out1 = json.dumps([{"role": "assistant", "parts": [{"type": "tool_call", "id": "call_1", "name": "lookup_order",
                                                         "arguments": {"order_id": "4471"}}], "finish_reason": "tool_calls"}])
    t.span("support-agent", "chat gpt-4o", 20, 1480, root, 3, {**common, "gen_ai.usage.input_tokens": 412,
           "gen_ai.usage.output_tokens": 38, "gen_ai.response.finish_reasons": "tool_calls",
           "gen_ai.input.messages": messages(*call1), "gen_ai.output.messages": out1})
    tool = t.span("support-agent", "execute_tool lookup_order", 1500, 1910, root, 1,
                  {"gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "lookup_order", "gen_ai.tool.call.id": "call_1",
                   "input.value": json.dumps({"order_id": "4471"}),
                   "output.value": json.dumps({"order_id": "4471", "status": "in_transit", "carrier": "DHL", "tracking": "JD0142"})})
    t.span("orders-service", "GET /orders/4471", 1530, 1890, tool, 3,
           {"http.request.method": "GET", "url.full": "http://orders.local/orders/4471", "http.response.status_code": 200})
    tool2 = t.span("support-agent", "execute_tool track_shipment", 3300, 4310, root, 1,
                   {"gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "track_shipment", "gen_ai.tool.call.id": "call_2",
                    "input.value": json.dumps({"carrier": "DHL", "tracking": "JD0142"})},
                   error="TimeoutError: carrier API did not answer in 1000 ms",
                   events=[{"name": "exception", "timeUnixNano": ns(4300), "attributes": [
                       attr("exception.type", "TimeoutError"),
                       attr("exception.message", "carrier API did not answer in 1000 ms"),
                       attr("exception.stacktrace", "Traceback (most recent call last):\n  File \"agent/tools.py\", line 88, in track_shipment\n    resp = client.get(url, timeout=1.0)\n  File \"httpx/_client.py\", line 1054, in get\n    return self.request(\"GET\", url)\nTimeoutError: carrier API did not answer in 1000 ms")]}])
    t.span("shipping-gateway", "GET /track/JD0142", 3320, 4300, tool2, 3,
           {"http.request.method": "GET", "url.full": "https://api.dhl.example/track/JD0142", "http.response.status_code": 504},
           error="504 Gateway Timeout")
    call2 = call1 + [("assistant", "lookup_order(order_id=4471)"),
                     ("tool", json.dumps({"order_id": "4471", "status": "in_transit", "carrier": "DHL"}))]
    out2 = json.dumps([{"role": "assistant", "parts": [{"type": "tool_call", "id": "call_2", "name": "track_shipment",
                                                         "arguments": {"carrier": "DHL", "tracking": "JD0142"}}], "finish_reason": "tool_calls"}])
    t.span("support-agent", "chat gpt-4o", 1930, 3280, root, 3, {**common, "gen_ai.usage.input_tokens": 531,
           "gen_ai.usage.output_tokens": 41, "gen_ai.usage.cache_read.input_tokens": 384,
           "gen_ai.response.finish_reasons": "tool_calls",
           "gen_ai.input.messages": messages(*call2), "gen_ai.output.messages": out2})
    call3 = call2 + [("assistant", "track_shipment(carrier=DHL, tracking=JD0142)"),
                     ("tool", "error: carrier API timed out")]
    answer = ("Your order **#4471** is in transit with DHL (tracking `JD0142`). The carrier's tracking service is not "
              "answering right now, so I can't see today's scan — please check again in an hour.")
    t.span("support-agent", "chat gpt-4o-mini", 4330, 6150, root, 3, {**common, "gen_ai.request.model": "gpt-4o-mini",
           "gen_ai.usage.input_tokens": 602, "gen_ai.usage.output_tokens": 67, "gen_ai.response.finish_reasons": "stop",
           "gen_ai.input.messages": messages(*call3),
           "gen_ai.output.messages": json.dumps([{"role": "assistant", "parts": [{"type": "text", "content": answer}], "finish_reason": "stop"}])})
    return t.request()


def streaming_call():
    t = Trace("5a3f0c1e9b7d4e2fa1c3b5d7e9f10003")
    root = t.span("writer-app", "POST /draft", 0, 9400, kind=2,
                  attrs={"http.request.method": "POST", "http.route": "/draft", "http.response.status_code": 200, "user.id": "bo"})
    t.span("writer-app", "retrieve style guide", 10, 240, root, 1, {"gen_ai.operation.name": "retrieval", "db.system": "sqlite"})
    t.span("writer-app", "chat claude-3-5-sonnet (stream)", 250, 9380, root, 3,
           {"gen_ai.system": "anthropic", "gen_ai.operation.name": "chat", "gen_ai.request.model": "claude-3-5-sonnet-20241022",
            "gen_ai.request.temperature": 0.7, "gen_ai.request.max_tokens": 2048, "gen_ai.request.stream": True,
            "gen_ai.response.time_to_first_token": 0.84, "gen_ai.usage.input_tokens": 1830,
            "gen_ai.usage.output_tokens": 912, "gen_ai.response.finish_reasons": "end_turn", "user.id": "bo",
            "gen_ai.input.messages": messages(("system", "Write in the house style."),
                                              ("user", "Draft a 300-word release note for Tracedeck 0.1.")),
            "gen_ai.output.messages": json.dumps([{"role": "assistant", "parts": [{"type": "text", "content":
                "## Tracedeck 0.1\n\nTracedeck is a local observability workstation for LLM agents and services..."}],
                "finish_reason": "end_turn"}])},
           events=[{"name": "gen_ai.first_token", "timeUnixNano": ns(1090)}])
    return t.request()


for name, request in [("rest-request", rest_request()), ("agent-run", agent_run()), ("streaming-call", streaming_call())]:
    with open(f"{name}.otlp.json", "w") as f:
        json.dump(request, f, indent=1)
