-- Atomic publish of one tracking event: check the publisher's idempotency key and the rules, stamp
-- the next seq, update the state, push back its expiry, publish the frame, remember the key. The
-- frame's JSON comes from the server in parts around the values only this script knows (the seq,
-- and for statuses the merged courier and drop-off): the bytes published are the bytes clients
-- receive, and the wire format lives in one place (org.ordertracking.protocol.Frames).
--
-- KEYS[1]  order:{<id>}:state (hash)
-- KEYS[2]  order:{<id>}:event:<key>, only when the publisher gave an idempotency key (same slot)
-- ARGV[1]  kind: "location" | "status"
-- ARGV[2]  state TTL in seconds
-- ARGV[3]  events channel
-- ARGV[4]  publish command: "PUBLISH" or "SPUBLISH" (Redis Cluster sharded pub/sub)
-- ARGV[5]  idempotency key TTL in seconds
-- ARGV[6]  server time, ISO-8601 UTC with milliseconds (updatedAt)
-- ARGV[7..10] frame parts: before the seq, after the seq, after the courier, after the drop-off
-- location: ARGV[11] recordedAt (epoch ms), ARGV[12] location JSON
-- status:   ARGV[11] status, ARGV[12] eta JSON ("null" or a string literal),
--           ARGV[13] courier JSON or "" (keep the stored one), ARGV[14] dropoff JSON or "",
--           ARGV[15] "1" when the status is terminal,
--           ARGV[16] the statuses this one is behind, comma-separated ("" unless forward-only),
--           ARGV[17] the status's reason token, or "" for none,
--           ARGV[18] the publisher's key of the courier the status names, or "",
--           ARGV[19] "1" when the status takes the courier off the order,
--           ARGV[20] when the publisher says the status happened (epoch ms), or ""
-- last (optional, ARGV[13] for a location, ARGV[21] for a status): a deadline on Redis's own clock
--           (epoch ms); a publish that Redis runs after it is refused with an EXPIRED error. The
--           server gives up on a command that is not answered in time and answers its caller 503;
--           a frozen Redis that wakes up later must not apply what was already answered so.
-- Courier changes (ARGV[19], or an ARGV[18] differing from the stored key) are applied even when
-- behind, unless older than the newest status time stored (a late retry). The courier key and that
-- time live in the state hash, never on the wire. The stored location is dropped when the order is
-- done (a terminal status) and when its courier changes: a courier's position is served only while
-- that courier carries the order.
-- Returns {code, seq}: code 0 applied, 1 ignored (stale location, repeated terminal status, or a
-- forward-only status behind the current one), 2 refused (the order is finished), 3 duplicate.
local deadlineAt = ARGV[1] == 'location' and 13 or 21
if ARGV[deadlineAt] then
  local t = redis.call('TIME')
  if tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) > tonumber(ARGV[deadlineAt]) then
    return redis.error_reply('EXPIRED the publish reached Redis after its deadline; not applied')
  end
end
local key = KEYS[1]
local cur = redis.call('HMGET', key, 'seq', 'status', 'terminal', 'locAt', 'courier', 'dropoff',
  'courierKey', 'statusAt')
local seq = tonumber(cur[1]) or 0
local terminal = cur[3] == '1'

if KEYS[2] and redis.call('EXISTS', KEYS[2]) == 1 then return {3, seq} end

local function decide()
  local courier, dropoff = '', ''
  if ARGV[1] == 'location' then
    if terminal then return 2 end
    local recordedAt = tonumber(ARGV[11])
    if cur[4] and recordedAt < tonumber(cur[4]) then return 1 end
    seq = seq + 1
    redis.call('HSET', key, 'seq', seq, 'location', ARGV[12], 'locAt', ARGV[11], 'updatedAt', ARGV[6])
  else
    if terminal then
      if cur[2] == ARGV[11] then return 1 end
      return 2
    end
    local clear = ARGV[19] == '1'
    local occurred = tonumber(ARGV[20])
    local change = clear or (ARGV[18] ~= '' and cur[7] and cur[7] ~= ARGV[18])
    if change then
      if occurred and cur[8] and occurred < tonumber(cur[8]) then return 1 end
    elseif cur[2] and ARGV[16] ~= '' and string.find(',' .. ARGV[16] .. ',', ',' .. cur[2] .. ',', 1, true) then
      return 1
    end
    courier = ARGV[13]
    if clear then
      courier = 'null'
    elseif courier == '' then
      courier = cur[5] or 'null'
    end
    dropoff = ARGV[14]
    if dropoff == '' then dropoff = cur[6] or 'null' end
    seq = seq + 1
    redis.call('HSET', key, 'seq', seq, 'status', ARGV[11], 'eta', ARGV[12], 'courier', courier,
      'dropoff', dropoff, 'reason', ARGV[17], 'terminal', ARGV[15], 'updatedAt', ARGV[6])
    if clear then
      redis.call('HDEL', key, 'courierKey')
    elseif ARGV[18] ~= '' then
      redis.call('HSET', key, 'courierKey', ARGV[18])
    end
    if occurred and (not cur[8] or occurred > tonumber(cur[8])) then
      redis.call('HSET', key, 'statusAt', ARGV[20])
    end
    if change then
      redis.call('HDEL', key, 'location', 'locAt')
    elseif ARGV[15] == '1' then
      redis.call('HDEL', key, 'location')
    end
  end
  redis.call('EXPIRE', key, ARGV[2])
  redis.call(ARGV[4], ARGV[3], ARGV[7] .. seq .. ARGV[8] .. courier .. ARGV[9] .. dropoff .. ARGV[10])
  return 0
end

local code = decide()
if KEYS[2] then redis.call('SET', KEYS[2], '1', 'EX', ARGV[5]) end
return {code, seq}
