-- An authenticated GET as many different learners: each request carries a token picked at random.
-- BENCH_PATH picks the page (default: the lessons list); run-learning.sh also reads the weekly board with it.
local tokens = {}
local path = os.getenv("BENCH_PATH") or "/api/lessons?pageSize=20"

function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS")) do tokens[#tokens + 1] = line end
  math.randomseed(os.time() + (id or 0) * 7919)
end

function setup(thread)
  thread:set("id", (next_id or 1))
  next_id = (next_id or 1) + 1
end

function request()
  local token = tokens[math.random(#tokens)]
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end
