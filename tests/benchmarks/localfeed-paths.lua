-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script for bench-localfeed.sh: GETs many index files in turn.
--
--   wrk -t2 -c32 -d10s --latency -s localfeed-paths.lua http://127.0.0.1:PORT -- FILE [etag]
--
-- FILE has one index path per line ("se/rd/serde"), optionally followed by a tab and that
-- file's ETag. With "etag" every request carries If-None-Match with the path's own ETag, so
-- a correct server answers 304 throughout. Requests are formatted once in init(); each wrk
-- thread starts at a different place in the list. done() prints one machine-readable line.

local requests = {}
local position = 1
local threadCount = 0

function setup(thread)
   thread:set("threadIndex", threadCount)
   threadCount = threadCount + 1
end

function init(args)
   local file = args[1]
   local conditional = args[2] == "etag"
   for line in io.lines(file) do
      local path, etag = line:match("^([^\t]+)\t?(.*)$")
      if path then
         local headers = {}
         if conditional then
            headers["If-None-Match"] = etag
         end
         requests[#requests + 1] = wrk.format("GET", "/" .. path, headers)
      end
   end
   if #requests == 0 then
      error("no paths in " .. tostring(file))
   end
   -- Spread the threads over the list (threadIndex is set by setup()).
   position = ((threadIndex or 0) * 7919) % #requests + 1
end

function request()
   local r = requests[position]
   position = position + 1
   if position > #requests then
      position = 1
   end
   return r
end

function done(summary, latency, _)
   local e = summary.errors
   io.write(string.format(
      "WRK requests=%d duration_us=%d bytes=%d connect_errors=%d read_errors=%d write_errors=%d " ..
      "status_errors=%d timeouts=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.0f\n",
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
