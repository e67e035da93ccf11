-- POST /api/questions/{id}/attempts: a random learner answers a random question correctly, with a new idempotency key each time.
local tokens, questions = {}, {}
local counter = 0
local run = os.time()

function setup(thread)
  thread:set("id", (next_id or 1))
  next_id = (next_id or 1) + 1
end

function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS")) do tokens[#tokens + 1] = line end
  for line in io.lines(os.getenv("BENCH_QUESTIONS")) do
    local qid, answer = line:match("^([^\t]+)\t(.*)$")
    questions[#questions + 1] = { qid, answer }
  end
  math.randomseed(run + id * 7919)
end

function request()
  counter = counter + 1
  local token = tokens[math.random(#tokens)]
  local q = questions[math.random(#questions)]
  local body = '{"answer":' .. q[2] .. ',"timeTakenMs":3000,"idempotencyKey":"' .. run .. '-' .. id .. '-' .. counter .. '"}'
  return wrk.format("POST", "/api/questions/" .. q[1] .. "/attempts",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
