import { createHash } from 'crypto';

/** A Git object store in memory (blobs, trees, commits, branches), for the GitHub fake. */

export interface Commit {
  tree: string;
  parents: string[];
  message: string;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

export class GitObjects {
  /** Branch → commit. */
  readonly refs = new Map<string, string>();
  readonly blobs = new Map<string, Buffer>();
  /** Tree → path → blob: trees are kept flat. */
  readonly trees = new Map<string, Map<string, string>>();
  readonly commits = new Map<string, Commit>();

  /** `main` with one commit holding `files` (path → text). */
  constructor(files: Record<string, string>) {
    const entries = Object.entries(files).map(
      ([path, text]): [string, string] => [path, this.blob(Buffer.from(text))],
    );
    const tree = this.tree(new Map(entries));
    this.refs.set(
      'main',
      this.commit({ tree, parents: [], message: 'Initial commit' }),
    );
  }

  /** A blob, named by its Git object id as GitHub names it (a file's `sha` in its answers). */
  blob(content: Buffer): string {
    const sha = createHash('sha1')
      .update(`blob ${content.length}\0`)
      .update(content)
      .digest('hex');
    this.blobs.set(sha, content);
    return sha;
  }

  tree(entries: Map<string, string>): string {
    const sha = sha1(`tree ${JSON.stringify([...entries].sort())}`);
    this.trees.set(sha, entries);
    return sha;
  }

  commit(commit: Commit): string {
    const sha = sha1(`commit ${JSON.stringify(commit)} ${this.commits.size}`);
    this.commits.set(sha, commit);
    return sha;
  }

  tip(branch: string): Commit {
    return this.commits.get(this.refs.get(branch)!)!;
  }

  /** The files of a branch: path → text. */
  files(branch: string): Map<string, string> {
    const tree = this.trees.get(this.tip(branch).tree)!;
    return new Map(
      [...tree].map(([path, blob]) => [
        path,
        this.blobs.get(blob)!.toString('utf8'),
      ]),
    );
  }

  descends(commit: string, ancestor: string): boolean {
    if (commit === ancestor) return true;
    return (this.commits.get(commit)?.parents ?? []).some(p =>
      this.descends(p, ancestor),
    );
  }
}
