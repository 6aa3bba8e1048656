/**
 * A vault shaped like the community vaults topics must cope with: numbered
 * folders (`02 - Community Expansions`, `🗂️ 02.02 Themes by Category`,
 * `02-Sources`), container folders (`Notes`, `Archive`, `Arquivo`, `Inbox`), a
 * folder named after a person's handle (`mgmeyers`), many tiny link clusters,
 * and tags. Each subject's notes link densely among themselves and sparsely to
 * other subjects. Deterministic: same seed, same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../../src/graph/random.ts';

/** A subject of the vault: where its notes live, what they are called, their tags. */
interface Subject {
  folder: string;
  tag: string;
  titles: string[];
}

const words = (list: string) => list.split(',').map((w) => w.trim());

/** The subjects, by the name a reader would give them (the key). */
export const messySubjects: Record<string, Subject> = {
  Plugins: {
    folder: '02 - Community Expansions',
    tag: 'plugins',
    titles: words(
      'Dataview, Templater, Calendar, Tasks, Excalidraw, Outliner, Periodic Notes, QuickAdd, Advanced Tables, Natural Language Dates, Day Planner, Sliding Panes, Mind Map, Admonition, Citations, Zotero Integration, Git, Linter, Omnisearch, Iconize, Style Settings, Hover Editor, Commander, Buttons, Meta Bind, Projects, Charts, Tracker, Spaced Repetition, Text Generator',
    ),
  },
  Themes: {
    folder: '🗂️ 02.02 Themes by Category',
    tag: 'theme',
    titles: words(
      'Minimal, Things, Blue Topaz, Atom, Nord, California Coast, Primary, Prism, Shimmering Focus, Sanctum, Cybertron, Obsidianite, Dracula, Solarized, Gruvbox, Everforest, Catppuccin, Rose Pine, Tokyo Night, AnuPpuccin, Border, Typewriter, Wasp, Yin and Yang, Ursa',
    ),
  },
  Cooking: {
    folder: 'Notes',
    tag: 'cooking',
    titles: words(
      'Sourdough Starter, Bread Hydration, Autolyse, Levain, Crumb Structure, Pizza Dough, Focaccia, Brioche, Bagels, Baguette, Proofing Basket, Dutch Oven, Scoring, Steam in Baking, Rye Bread, Whole Wheat, Enzymes in Dough, Gluten Network, Fermentation Time, Cold Retard',
    ),
  },
  Gardening: {
    folder: 'Arquivo',
    tag: 'gardening',
    titles: words(
      'Compost, Mulch, Tomatoes, Pruning Roses, Seed Starting, Raised Beds, Companion Planting, Crop Rotation, Soil pH, Worm Bins, Drip Irrigation, Cover Crops, Garlic, Potatoes, Beans, Pollinators, Greenhouse, Frost Dates, Herb Spiral, Fruit Trees',
    ),
  },
  History: {
    folder: '02-Sources',
    tag: 'history',
    titles: words(
      'Roman Roads, Silk Road, Printing Press, Black Death, Hanseatic League, Magna Carta, Byzantine Empire, Ottoman Conquest, Mongol Empire, Venetian Trade, Crusades, Renaissance Florence, Reformation, Age of Sail, Spice Trade, Columbian Exchange, Thirty Years War, Enlightenment Salons, Steam Engine, Telegraph',
    ),
  },
  Kanban: {
    folder: 'mgmeyers',
    tag: 'kanban',
    titles: words(
      'Kanban Boards, Kanban Lanes, Kanban Cards, Kanban Archive Column, Kanban Settings, Kanban Date Format, Kanban Markdown Format, Kanban Linked Pages, Kanban Search, Kanban Lane Width, Kanban Hotkeys, Kanban Tags Colours',
    ),
  },
  Astronomy: {
    folder: 'Archive',
    tag: 'astronomy',
    titles: words(
      'Telescopes, Eyepieces, Messier Objects, Light Pollution, Star Hopping, Planetary Nebulae, Globular Clusters, Double Stars, Lunar Craters, Jupiter Moons, Saturn Rings, Variable Stars, Astrophotography, Collimation, Dark Adaptation, Star Charts',
    ),
  },
};

/** Write the vault into `dir`; returns the number of notes. */
export function writeMessyVault(dir: string, seed = 1): number {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  let count = 0;
  const write = (rel: string, body: string) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, body);
    count++;
  };
  const subjects = Object.values(messySubjects);
  for (const s of subjects) {
    s.titles.forEach((title, i) => {
      const links = new Set<string>();
      // Dense inside the subject: the next two notes, and four at random.
      links.add(s.titles[(i + 1) % s.titles.length]!);
      links.add(s.titles[(i + 2) % s.titles.length]!);
      for (let k = 0; k < 4; k++) links.add(pick(s.titles));
      links.delete(title);
      // Sparse across subjects: one note in four links one note of another subject.
      if (rand() < 0.25) links.add(pick(pick(subjects).titles));
      const sub = i % 3 === 0 ? `${s.tag}/${title.split(' ')[0]!.toLowerCase()}` : s.tag;
      write(
        `${s.folder}/${title}.md`,
        `---\ntags: [${sub}]\n---\n# ${title}\n\nAbout ${title.toLowerCase()}: see ${[...links].map((l) => `[[${l}]]`).join(', ')}.\n`,
      );
    });
  }
  // Many tiny clusters: pairs and triples linking only each other, in the container folders.
  const folders = ['Inbox', 'Notes', 'Archive', 'Arquivo', '000 Inbox', '02-Sources', 'Templates'];
  for (let c = 0; c < 60; c++) {
    const folder = folders[c % folders.length]!;
    const size = 2 + (c % 2);
    const names = Array.from({ length: size }, (_v, k) => `Fragment ${c}-${k}`);
    names.forEach((name, k) => write(`${folder}/${name}.md`, `# ${name}\n\nA thought, next to [[${names[(k + 1) % size]!}]].\n`));
  }
  // Notes linked to nothing.
  for (let i = 0; i < 25; i++) write(`${folders[i % folders.length]!}/Loose ${i}.md`, `# Loose ${i}\n\nAn unfinished thought.\n`);
  return count;
}
