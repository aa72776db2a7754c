-- wrk script: each thread requests every path listed in $CRAWL_FILE (one per line) once,
-- in order, then stops.
local paths = {}
local index = 0
for line in io.lines(os.getenv("CRAWL_FILE")) do paths[#paths + 1] = line end
request = function()
  index = index + 1
  if index > #paths then
    wrk.thread:stop()
    index = #paths
  end
  return wrk.format("GET", paths[index], { ["Accept-Encoding"] = "gzip" })
end
