-- POSTs one JSON body over and over: wrk -s post-json.lua <url>, with the body in the BODY environment variable.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BODY")
