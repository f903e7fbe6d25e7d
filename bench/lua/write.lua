-- wrk script for the write benchmark: WRITE=create|patch|member, TOKEN, COLLECTION (for patch and
-- member), ASSETS (the highest asset id, for member). Each request differs (a counter per thread).
local kind = os.getenv("WRITE")
local token = os.getenv("TOKEN")
local collection = os.getenv("COLLECTION")
local assets = tonumber(os.getenv("ASSETS") or "1")
local n = 0

wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

request = function()
  n = n + 1
  if kind == "create" then
    return wrk.format("POST", "/api/v2/collections", nil, '{"name": "Bench ' .. n .. '", "collection_type": "public"}')
  elseif kind == "patch" then
    return wrk.format("PATCH", "/api/v2/collections/" .. collection, nil, '{"name": "Renamed ' .. n .. '"}')
  else
    -- replace the whole order with 10 random assets: a delete, inserts and position updates
    local ids = {}
    for i = 1, 10 do ids[i] = math.random(1, assets) end
    return wrk.format("PUT", "/api/v2/collections/" .. collection .. "/assets", nil,
      '{"asset_ids": [' .. table.concat(ids, ",") .. ']}')
  end
end
