"""Turns database rows into wrk inputs: HS256 access tokens for the benchmark users, and a correct answer per question."""
import base64, hashlib, hmac, json, sys, time, uuid

def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

def token(user_id: str, key: str) -> str:
    now = int(time.time())
    header = {"alg": "HS256", "typ": "JWT"}
    payload = {"sub": user_id, "jti": uuid.uuid4().hex, "name": "Bench", "iss": "codecrafts", "aud": "codecrafts-api",
               "iat": now, "nbf": now, "exp": now + 3 * 3600}
    signing_input = b64(json.dumps(header).encode()) + "." + b64(json.dumps(payload).encode())
    signature = hmac.new(key.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64(signature)

def answer(kind: str, key: dict) -> dict:
    if kind == "MultipleChoice":
        return {"optionIds": key["correctOptionIds"]}
    if kind == "FillInTheBlank":
        return {"blanks": [b["accepted"][0] for b in key["blanks"]]}
    return {"rating": "Good"}

if __name__ == "__main__":
    what, key = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ""
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            continue
        if what == "tokens":
            print(token(line, key))
        else:
            qid, kind, answer_key = line.split("\t", 2)
            print(qid + "\t" + json.dumps(answer(kind, json.loads(answer_key)), separators=(",", ":")))
