// Queries a running demo server (godot_project/demo/server.gd) with two real server browsers, gamedig
// and qstat, and checks that they show exactly what the demo set from GDScript. build.sh's
// query_peers_check runs it; both tools exit 0 when a server is down, so their output is parsed.
//
// usage: node check.mjs STATE_JSON HOST PORT [--emulator]
//   STATE_JSON  the demo's `demo: state {...}` object
//   --emulator  the answers come from the Steam emulator (gbe_fork's libsteam_api.so, e2e's
//               TestEmulator*), whose A2S_INFO has protocol 2 and no extra data for the Steam ID or
//               the tags (keywords), and whose A2S_RULES lists the rules in hash-map order (so
//               their order is not checked). What it shows differently of what was set (the product as the
//               game, the version without dots) is the caller's to put in STATE_JSON.
//   environment: GAMEDIG_DIR (folder whose node_modules holds gamedig), QUAKESTAT (qstat binary)
// Prints one line per check; exits 1 when any failed.
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { isDeepStrictEqual, promisify } from 'node:util'

const [stateJSON, host, portText, ...flags] = process.argv.slice(2)
if (!stateJSON || !host || !portText || flags.some(f => f !== '--emulator')) {
  console.error('usage: node check.mjs STATE_JSON HOST PORT [--emulator]')
  process.exit(2)
}
const emulator = flags.includes('--emulator')
const want = JSON.parse(stateJSON)
const port = Number(portText)
const gamedigDir = process.env.GAMEDIG_DIR
const quakestat = process.env.QUAKESTAT || 'quakestat'
let failed = 0

function check (tool, what, got, expected) {
  const ok = isDeepStrictEqual(got, expected)
  if (!ok) failed++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${tool}: ${what}${ok ? '' : `: got ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`}`)
  return ok
}

const wantTags = want.tags === '' || emulator ? undefined : want.tags.split(',')

async function gamedig () {
  const { GameDig } = createRequire(join(gamedigDir, 'package.json'))('gamedig')
  let s
  try {
    s = await GameDig.query({
      type: 'protocol-valve', // the generic A2S protocol, no game-specific ports or quirks
      host,
      port,
      givenPortOnly: true,
      requestRules: true,
      requestRulesRequired: true, // fail instead of skipping rules or players on a timeout
      requestPlayersRequired: true,
      maxRetries: 1,
      socketTimeout: 2000,
      attemptTimeout: 10000
    })
  } catch (e) {
    check('gamedig', 'query succeeds', e.message, 'no error')
    return
  }
  const r = s.raw
  check('gamedig', 'name', s.name, want.name)
  check('gamedig', 'map', s.map, want.map)
  check('gamedig', 'folder', r.folder, want.folder)
  check('gamedig', 'game', r.game, want.game)
  check('gamedig', 'version', s.version, want.version)
  check('gamedig', 'protocol', r.protocol, emulator ? 2 : 17)
  check('gamedig', 'server type', r.listentype, want.dedicated ? 'd' : 'l')
  check('gamedig', 'players', s.numplayers, want.players.length)
  check('gamedig', 'max players', s.maxplayers, want.max_players)
  check('gamedig', 'bots', r.numbots, want.bots)
  check('gamedig', 'password', s.password, want.password)
  check('gamedig', 'VAC', r.secure, want.secure ? 1 : 0)
  check('gamedig', 'tags', r.tags, wantTags)
  check('gamedig', 'game port (connect)', s.connect, `${host}:${want.game_port}`)
  check('gamedig', 'Steam ID', r.steamid, emulator ? undefined : want.steam_id)
  check('gamedig', 'rules', r.rules, want.rules)
  if (!emulator) check('gamedig', 'rule order', Object.keys(r.rules || {}), Object.keys(want.rules))
  check('gamedig', 'player list', r.players.map(p => ({ name: p.name, score: p.score })), want.players)
}

async function qstat () {
  let out
  try {
    ({ stdout: out } = await promisify(execFile)(quakestat, ['-a2s', `${host}:${port}`, '-R', '-P', '-json', '-utf8'], { timeout: 30000 }))
  } catch (e) {
    check('qstat', 'runs', e.message, 'no error')
    return
  }
  let s
  try {
    s = JSON.parse(out)[0]
  } catch (e) {
    check('qstat', 'JSON output', out.slice(0, 400), 'a JSON array')
    return
  }
  if (!check('qstat', 'status', s.status, 'online')) return
  check('qstat', 'name', s.name, want.name)
  check('qstat', 'map', s.map, want.map)
  check('qstat', 'game type (folder)', s.gametype, want.folder)
  check('qstat', 'players', s.numplayers, want.players.length)
  check('qstat', 'max players', s.maxplayers, want.max_players)
  const rules = s.rules || {}
  // qstat puts the INFO fields first, as pseudo-rules; the server's rules follow.
  const pseudo = {
    protocol: emulator ? '2' : '11', // in hex
    gamedir: want.folder,
    gamename: want.game,
    bots: String(want.bots),
    dedicated: '1', // "1" for any server type byte (qstat)
    sv_os: 'linux',
    version: want.version,
    game_port: String(want.game_port)
  }
  // qstat reports the game port as the server's port when it is not the port it queried.
  if (want.game_port !== want.query_port) pseudo.hostport = String(want.game_port)
  if (want.password) pseudo.password = '1' // present only when set
  if (want.secure) pseudo.secure = '1'
  if (want.tags !== '' && !emulator) pseudo.game_tags = want.tags
  const gotPseudo = {}
  const gotRules = {}
  const names = ['protocol', 'gamedir', 'gamename', 'bots', 'dedicated', 'sv_os', 'password', 'secure', 'version',
    'game_port', 'hostport', 'spectator_port', 'spectator_server_name', 'game_tags']
  for (const [k, v] of Object.entries(rules)) {
    if (names.includes(k) && !(k in want.rules)) gotPseudo[k] = v
    else gotRules[k] = v
  }
  check('qstat', 'INFO fields (bots, password, VAC, version, game port, tags...)', gotPseudo, pseudo)
  check('qstat', 'rules', gotRules, want.rules)
  check('qstat', 'player list', (s.players || []).map(p => ({ name: p.name, score: p.score })).reverse(), want.players)
}

await gamedig()
await qstat()
console.log(failed ? `${failed} checks failed` : 'all checks passed')
process.exitCode = failed ? 1 : 0
