-- GET /api/leaderboards/xp?period=weekly as many different learners: each request carries a token picked at random.
local tokens = {}

function setup(thread)
  thread:set("id", (next_id or 1))
  next_id = (next_id or 1) + 1
end

function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS")) do tokens[#tokens + 1] = line end
  math.randomseed(os.time() + (id or 0) * 7919)
end

function request()
  local token = tokens[math.random(#tokens)]
  return wrk.format("GET", "/api/leaderboards/xp?period=weekly", { ["Authorization"] = "Bearer " .. token })
end
