-- Atomic publish of one tracking event: check the rules, stamp the next seq, update the state,
-- push back its expiry, publish the frame. The frame's JSON is built by the server around the seq
-- (ARGV[5] .. seq .. tail), so the bytes published are the bytes clients receive.
--
-- KEYS[1]  order:{<id>}:state (hash)
-- ARGV[1]  kind: "location" | "status"
-- ARGV[2]  state TTL in seconds
-- ARGV[3]  events channel
-- ARGV[4]  publish command: "PUBLISH" or "SPUBLISH" (Redis Cluster sharded pub/sub)
-- ARGV[5]  frame head, ending just before the seq digits
-- ARGV[6]  server time, ISO-8601 UTC with milliseconds
-- location: ARGV[7] recordedAt (epoch ms), ARGV[8] location JSON, ARGV[9] frame tail
-- status:   ARGV[7] status, ARGV[8] eta JSON ("null" or a string literal),
--           ARGV[9] courier JSON or "" (keep the stored one), ARGV[10] dropoff JSON or "",
--           ARGV[11] "1" when the status is terminal
-- Returns {code, seq}: code 0 applied, 1 ignored (stale location / repeated terminal status),
-- 2 refused (the order is finished).
local key = KEYS[1]
local cur = redis.call('HMGET', key, 'seq', 'status', 'terminal', 'locAt', 'courier', 'dropoff')
local seq = tonumber(cur[1]) or 0
local terminal = cur[3] == '1'
local frame

if ARGV[1] == 'location' then
  if terminal then return {2, seq} end
  local recordedAt = tonumber(ARGV[7])
  if cur[4] and recordedAt < tonumber(cur[4]) then return {1, seq} end
  seq = seq + 1
  redis.call('HSET', key, 'seq', seq, 'location', ARGV[8], 'locAt', ARGV[7], 'updatedAt', ARGV[6])
  frame = ARGV[5] .. seq .. ARGV[9]
else
  if terminal then
    if cur[2] == ARGV[7] then return {1, seq} end
    return {2, seq}
  end
  local courier = ARGV[9]
  if courier == '' then courier = cur[5] or 'null' end
  local dropoff = ARGV[10]
  if dropoff == '' then dropoff = cur[6] or 'null' end
  seq = seq + 1
  redis.call('HSET', key, 'seq', seq, 'status', ARGV[7], 'eta', ARGV[8], 'courier', courier,
    'dropoff', dropoff, 'terminal', ARGV[11], 'updatedAt', ARGV[6])
  frame = ARGV[5] .. seq .. ',"status":"' .. ARGV[7] .. '","eta":' .. ARGV[8] .. ',"courier":'
    .. courier .. ',"dropoff":' .. dropoff .. ',"at":"' .. ARGV[6] .. '"}'
end

redis.call('EXPIRE', key, ARGV[2])
redis.call(ARGV[4], ARGV[3], frame)
return {0, seq}
