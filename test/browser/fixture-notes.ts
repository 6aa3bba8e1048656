/**
 * A small hand-made garden in the shape the builder emits (NoteData, GraphJson),
 * for the web app's tests: four notes in two topics, with headings, a foldable
 * callout, code, a table, a mermaid diagram, backlinks with context, and links
 * to headings.
 */
import type { Frontmatter, GraphJson, NoteData, NoteId, NotePath, Slug } from '../../src/shared/types.ts';

const fm = (extra: Partial<Frontmatter> = {}): Frontmatter => ({ aliases: [], tags: [], publish: true, ...extra });
const id = (s: string) => s as NoteId;
const path = (s: string) => s as NotePath;
const slug = (s: string) => s as Slug;

const raftBody = `<p>Raft is a consensus algorithm designed to be easy to understand. It is equivalent to <a class="internal" href="/distributed-systems/paxos/" data-note="Distributed Systems/Paxos">Paxos</a> in fault tolerance and performance, and it is the basis of many systems described in <a class="internal" href="/consensus/" data-note="Consensus">Consensus</a>.</p>
<p>The original paper is at <a href="https://raft.github.io/">raft.github.io</a>. See also <a class="internal" href="/distributed-systems/paxos/#multi-paxos" data-note="Distributed Systems/Paxos">Multi-Paxos</a> and a note <a class="internal unresolved" data-unresolved="Viewstamped Replication" title="Not written yet: Viewstamped Replication" role="link" aria-disabled="true">not written yet</a>.</p>
<h2 id="leader-election">Leader election</h2>
<p>Servers start as followers. A follower that hears nothing for an <mark>election timeout</mark> becomes a candidate and asks the others for votes.</p>
<details class="callout" data-callout="tip" data-callout-fold="-"><summary class="callout-title">Randomised timeouts</summary><div class="callout-content"><p>Each server picks its timeout at random, so split votes are rare and resolve quickly.</p></div></details>
<pre><code class="language-ts">function onTimeout(server: Server): void {
  server.term += 1;
  server.state = 'candidate';
  requestVotes(server);
}
</code></pre>
<h2 id="log-replication">Log replication</h2>
<p>The leader appends commands to its log and replicates them with <code>AppendEntries</code>.</p>
<table><thead><tr><th>RPC</th><th>Sent by</th><th>Purpose</th></tr></thead><tbody><tr><td>RequestVote</td><td>candidate</td><td>gather votes</td></tr><tr><td>AppendEntries</td><td>leader</td><td>replicate, heartbeat</td></tr></tbody></table>
<pre class="mermaid">sequenceDiagram
  Leader->>Follower: AppendEntries
  Follower-->>Leader: success
</pre>
<h3 id="safety">Safety</h3>
<p id="^commit-rule">An entry is committed once a majority stored it; committed entries are never lost.</p>
<div class="callout" data-callout="warning"><div class="callout-title">Clock skew</div><div class="callout-content"><p>Raft never relies on synchronised clocks for safety.</p></div></div>`;

const paxosBody = `<p>Paxos is the classic family of protocols for agreeing on one value among unreliable processes. <a class="internal" href="/distributed-systems/raft/" data-note="Distributed Systems/Raft">Raft</a> was designed as an easier alternative.</p>
<div class="callout" data-callout="question" data-callout-fold="-"><div class="callout-title">Why two phases?</div><div class="callout-content"><p>The first phase learns about values that may already be chosen.</p></div></div>
<h2 id="basic-paxos">Basic Paxos</h2>
<p>Proposers, acceptors and learners exchange prepare and accept messages in two phases.</p>
<h2 id="multi-paxos">Multi-Paxos</h2>
<p>Multi-Paxos elects a stable leader and skips the first phase for later slots, which makes it close to <a class="internal" href="/distributed-systems/raft/#log-replication" data-note="Distributed Systems/Raft">log replication in Raft</a>.</p>`;

const consensusBody = `<p>Consensus lets a group of machines agree on a sequence of values even when some fail. Start with <a class="internal" href="/distributed-systems/raft/" data-note="Distributed Systems/Raft">Raft</a>, then read about <a class="internal" href="/distributed-systems/paxos/" data-note="Distributed Systems/Paxos">Paxos</a>.</p>
<h2 id="why-it-matters">Why it matters</h2>
<p>Replicated state machines, configuration stores and databases all rely on it. The <a class="internal" href="/reading-list/" data-note="Reading list">reading list</a> has the classic papers.</p>
<h2 id="further">Further</h2>
<p>Byzantine fault tolerance is a different, harder problem.</p>`;

const readingBody = `<p>Papers worth reading, roughly in order.</p>
<ol><li>In Search of an Understandable Consensus Algorithm, the <a class="internal" href="/distributed-systems/raft/#^commit-rule" data-note="Distributed Systems/Raft">Raft commit rule</a> in particular.</li><li>Paxos Made Simple.</li><li>Viewstamped Replication Revisited.</li></ol>
${Array.from({ length: 24 }, (_, i) => `<p>Reading note ${i + 1}: distributed systems reward patience; each paper builds on the one before, and the details matter more than the headlines.</p>`).join('\n')}`;

/** The notes of the fixture garden, as the builder writes them to `<url>index.json`. */
export const fixtureNotes: NoteData[] = [
  {
    id: id('Distributed Systems/Raft'),
    path: path('Distributed Systems/Raft.md'),
    title: 'Raft',
    url: slug('/distributed-systems/raft/'),
    tags: ['consensus', 'distributed/replication'],
    aliases: [],
    html: raftBody,
    headings: [
      { depth: 2, text: 'Leader election', id: 'leader-election', line: 5 },
      { depth: 2, text: 'Log replication', id: 'log-replication', line: 12 },
      { depth: 3, text: 'Safety', id: 'safety', line: 20 },
    ],
    unlinkedMentions: [],
    backlinks: [
      {
        source: id('Consensus'),
        title: 'Consensus',
        url: slug('/consensus/'),
        kind: 'link',
        context: 'Consensus lets a group of machines agree on a sequence of values even when some fail. Start with Raft, then read about Paxos.',
        highlight: [97, 101],
      },
      {
        source: id('Distributed Systems/Paxos'),
        title: 'Paxos',
        url: slug('/distributed-systems/paxos/'),
        kind: 'link',
        context: 'Paxos is the classic family of protocols for agreeing on one value among unreliable processes. Raft was designed as an easier alternative.',
        highlight: [95, 99],
      },
    ],
    outgoing: [
      { id: id('Distributed Systems/Paxos'), title: 'Paxos', url: slug('/distributed-systems/paxos/') },
      { id: id('Consensus'), title: 'Consensus', url: slug('/consensus/') },
    ],
    frontmatter: fm({ stage: 'evergreen', tags: ['consensus'], series: 'Consensus basics', order: 2 }),
    created: '2024-01-12',
    updated: '2024-03-05',
    wordCount: 420,
  },
  {
    id: id('Distributed Systems/Paxos'),
    path: path('Distributed Systems/Paxos.md'),
    title: 'Paxos',
    url: slug('/distributed-systems/paxos/'),
    tags: ['consensus'],
    aliases: [],
    html: paxosBody,
    headings: [
      { depth: 2, text: 'Basic Paxos', id: 'basic-paxos', line: 3 },
      { depth: 2, text: 'Multi-Paxos', id: 'multi-paxos', line: 6 },
    ],
    unlinkedMentions: [],
    backlinks: [
      {
        source: id('Distributed Systems/Raft'),
        title: 'Raft',
        url: slug('/distributed-systems/raft/'),
        kind: 'link',
        context: 'Raft is a consensus algorithm designed to be easy to understand. It is equivalent to Paxos in fault tolerance and performance.',
        highlight: [85, 90],
      },
      {
        source: id('Consensus'),
        title: 'Consensus',
        url: slug('/consensus/'),
        kind: 'link',
        context: 'Start with Raft, then read about Paxos.',
        highlight: [33, 38],
      },
    ],
    outgoing: [{ id: id('Distributed Systems/Raft'), title: 'Raft', url: slug('/distributed-systems/raft/') }],
    frontmatter: fm({ stage: 'budding' }),
    created: '2024-02-01',
    wordCount: 160,
  },
  {
    id: id('Consensus'),
    path: path('Consensus.md'),
    title: 'Consensus',
    url: slug('/consensus/'),
    tags: ['moc'],
    aliases: [],
    html: consensusBody,
    headings: [
      { depth: 2, text: 'Why it matters', id: 'why-it-matters', line: 3 },
      { depth: 2, text: 'Further', id: 'further', line: 6 },
    ],
    unlinkedMentions: [],
    backlinks: [
      {
        source: id('Distributed Systems/Raft'),
        title: 'Raft',
        url: slug('/distributed-systems/raft/'),
        kind: 'link',
        context: 'It is the basis of many systems described in Consensus.',
        highlight: [45, 54],
      },
    ],
    outgoing: [
      { id: id('Distributed Systems/Raft'), title: 'Raft', url: slug('/distributed-systems/raft/') },
      { id: id('Distributed Systems/Paxos'), title: 'Paxos', url: slug('/distributed-systems/paxos/') },
      { id: id('Reading list'), title: 'Reading list', url: slug('/reading-list/') },
    ],
    frontmatter: fm({ stage: 'seedling', description: 'How machines agree.' }),
    wordCount: 90,
  },
  {
    id: id('Reading list'),
    path: path('Reading list.md'),
    title: 'Reading list',
    url: slug('/reading-list/'),
    tags: [],
    aliases: [],
    html: readingBody,
    headings: [],
    unlinkedMentions: [],
    backlinks: [
      {
        source: id('Consensus'),
        title: 'Consensus',
        url: slug('/consensus/'),
        kind: 'link',
        context: 'The reading list has the classic papers.',
        highlight: [4, 16],
      },
    ],
    outgoing: [{ id: id('Distributed Systems/Raft'), title: 'Raft', url: slug('/distributed-systems/raft/') }],
    frontmatter: fm(),
    wordCount: 700,
  },
];

/** graph.json of the fixture garden: precomputed positions, two topics. */
export const fixtureGraph: GraphJson = {
  version: 1,
  notes: fixtureNotes.map((n, i) => ({
    id: n.id,
    path: n.path,
    title: n.title,
    url: n.url,
    tags: n.tags,
    aliases: n.aliases,
    topic: [0, 0, 0, 1][i],
    x: [0, 60, -50, -20][i],
    y: [0, 40, 30, -70][i],
    weight: [1, 0.6, 0.8, 0.3][i],
  })),
  links: [
    { source: id('Distributed Systems/Raft'), target: id('Distributed Systems/Paxos'), kind: 'link' },
    { source: id('Distributed Systems/Raft'), target: id('Consensus'), kind: 'link' },
    { source: id('Distributed Systems/Paxos'), target: id('Distributed Systems/Raft'), kind: 'link' },
    { source: id('Consensus'), target: id('Distributed Systems/Raft'), kind: 'link' },
    { source: id('Consensus'), target: id('Distributed Systems/Paxos'), kind: 'link' },
    { source: id('Consensus'), target: id('Reading list'), kind: 'link' },
    { source: id('Reading list'), target: id('Distributed Systems/Raft'), kind: 'link' },
  ],
  topics: [
    { id: 0, name: 'Consensus', color: '#4f8fbf', size: 3, hubs: [id('Distributed Systems/Raft')] },
    { id: 1, name: 'Reading', color: '#d08a3c', size: 1, hubs: [id('Reading list')] },
  ],
};
