-- wrk script: requests every path listed in $CRAWL_FILE (one per line) in turn, cycling.
local paths = {}
local index = 0
for line in io.lines(os.getenv("CRAWL_FILE")) do paths[#paths + 1] = line end
request = function()
  index = index % #paths + 1
  return wrk.format("GET", paths[index], { ["Accept-Encoding"] = "gzip" })
end
