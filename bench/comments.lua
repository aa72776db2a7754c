-- bench/comments.sh: each wrk thread posts valid comments, each text different (the
-- duplicate check), with the form token handed in through COMMENT_TOKEN (already
-- percent-encoded) to COMMENT_PATH.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

request = function()
  counter = counter + 1
  local body = "author=Bench+" .. id .. "&email=bench" .. id .. "%40example.com&url=" ..
      "&comment=Benchmark+comment+" .. id .. "+" .. counter .. "&comment_parent=0&_token=" ..
      os.getenv("COMMENT_TOKEN")
  return wrk.format("POST", os.getenv("COMMENT_PATH"),
                    {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

done = function(summary)
  io.write(string.format("posted %d requests, %d errors (socket or status >= 400)\n",
                         summary.requests, summary.errors.status + summary.errors.connect +
                         summary.errors.read + summary.errors.write + summary.errors.timeout))
end
