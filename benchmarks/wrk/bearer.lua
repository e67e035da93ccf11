-- GETs with an access token: wrk -s bearer.lua <url>, with the token in the TOKEN environment variable.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
