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
--
-- Batch form (the ingest API's batches: many events, one call, one deadline check):
-- KEYS[i]  the state key of event i (no idempotency keys: the engine's own rules only)
-- ARGV[1]  "batch"; ARGV[2] the number of events n; ARGV[3] the index of the last event argument
-- then per event: its argument count c, then its c arguments laid out as ARGV[1..] above
-- ARGV[ARGV[3] + 1] (optional): the deadline, as above, checked once before any event is applied
-- Returns {code1, seq1, code2, seq2, ...}, one pair per event in order; events are applied in
-- order, so those of one order keep theirs. An event whose commands fail (a Redis error) gives
-- code 4 with the error text in place of the seq, and does not stop the others.

-- One event: KEYS of the single form as key and idKey (or nil), its ARGV[i] at ARGV[o + i]. Returns code, seq.
local function apply(key, idKey, o)
  local cur = redis.call('HMGET', key, 'seq', 'status', 'terminal', 'locAt', 'courier', 'dropoff',
    'courierKey', 'statusAt')
  local seq = tonumber(cur[1]) or 0
  local terminal = cur[3] == '1'

  if idKey and redis.call('EXISTS', idKey) == 1 then return 3, seq end

  local function decide()
    local courier, dropoff = '', ''
    if ARGV[o + 1] == 'location' then
      if terminal then return 2 end
      local recordedAt = tonumber(ARGV[o + 11])
      if cur[4] and recordedAt < tonumber(cur[4]) then return 1 end
      seq = seq + 1
      redis.call('HSET', key, 'seq', seq, 'location', ARGV[o + 12], 'locAt', ARGV[o + 11], 'updatedAt', ARGV[o + 6])
    else
      if terminal then
        if cur[2] == ARGV[o + 11] then return 1 end
        return 2
      end
      local clear = ARGV[o + 19] == '1'
      local occurred = tonumber(ARGV[o + 20])
      local change = clear or (ARGV[o + 18] ~= '' and cur[7] and cur[7] ~= ARGV[o + 18])
      if change then
        if occurred and cur[8] and occurred < tonumber(cur[8]) then return 1 end
      elseif cur[2] and ARGV[o + 16] ~= '' and string.find(',' .. ARGV[o + 16] .. ',', ',' .. cur[2] .. ',', 1, true) then
        return 1
      end
      courier = ARGV[o + 13]
      if clear then
        courier = 'null'
      elseif courier == '' then
        courier = cur[5] or 'null'
      end
      dropoff = ARGV[o + 14]
      if dropoff == '' then dropoff = cur[6] or 'null' end
      seq = seq + 1
      redis.call('HSET', key, 'seq', seq, 'status', ARGV[o + 11], 'eta', ARGV[o + 12], 'courier', courier,
        'dropoff', dropoff, 'reason', ARGV[o + 17], 'terminal', ARGV[o + 15], 'updatedAt', ARGV[o + 6])
      if clear then
        redis.call('HDEL', key, 'courierKey')
      elseif ARGV[o + 18] ~= '' then
        redis.call('HSET', key, 'courierKey', ARGV[o + 18])
      end
      if occurred and (not cur[8] or occurred > tonumber(cur[8])) then
        redis.call('HSET', key, 'statusAt', ARGV[o + 20])
      end
      if change then
        redis.call('HDEL', key, 'location', 'locAt')
      elseif ARGV[o + 15] == '1' then
        redis.call('HDEL', key, 'location')
      end
    end
    redis.call('EXPIRE', key, ARGV[o + 2])
    redis.call(ARGV[o + 4], ARGV[o + 3], ARGV[o + 7] .. seq .. ARGV[o + 8] .. courier .. ARGV[o + 9] .. dropoff .. ARGV[o + 10])
    return 0
  end

  local code = decide()
  if idKey then redis.call('SET', idKey, '1', 'EX', ARGV[o + 5]) end
  return code, seq
end

-- Whether the deadline (epoch ms on Redis's clock, or nil for none) has passed.
local function late(deadline)
  if not deadline then return false end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) > tonumber(deadline)
end
local EXPIRED = 'EXPIRED the publish reached Redis after its deadline; not applied'

if ARGV[1] == 'batch' then
  local n, last = tonumber(ARGV[2]), tonumber(ARGV[3])
  if late(ARGV[last + 1]) then return redis.error_reply(EXPIRED) end
  local out, p = {}, 4
  for i = 1, n do
    local c = tonumber(ARGV[p])
    local ok, code, seq = pcall(apply, KEYS[i], nil, p)
    if ok then
      out[2 * i - 1], out[2 * i] = code, seq
    else
      out[2 * i - 1], out[2 * i] = 4, type(code) == 'table' and tostring(code.err) or tostring(code)
    end
    p = p + 1 + c
  end
  return out
end

if late(ARGV[ARGV[1] == 'location' and 13 or 21]) then return redis.error_reply(EXPIRED) end
local code, seq = apply(KEYS[1], KEYS[2], 0)
return {code, seq}
