-- wrk script for bench/fairness.sh with VARY=1: the heavy read of A with a filter of two random
-- letters each time (first page), so that no remembered total or ordered ids answer it.
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
local letters = "abcdefghijklmnopqrstuvwxyz"
local path = wrk.path

request = function()
  local i, j = math.random(1, 26), math.random(1, 26)
  return wrk.format("GET", path .. "?per_page=1000&page=1&include=assets,owner&filter%5Bname%5D%5Bcontains%5D="
    .. letters:sub(i, i) .. letters:sub(j, j) .. "&sort=-updated_at")
end
