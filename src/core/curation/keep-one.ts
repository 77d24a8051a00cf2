import type { PairStatus } from "../rows";

/** What choosing the pair to keep in a duplicate group needs to know of each member. */
export interface GroupMember {
  id: string;
  group: string;
  status: PairStatus;
  grounding: number | null;
  createdAt: number;
}

export interface KeepOnePlan {
  /** One id per group: the pair kept. */
  keep: string[];
  /** Every other member not already rejected: the pairs to reject. */
  reject: string[];
}

/**
 * Which pair to keep in each duplicate group: an accepted one (the curator already chose), else
 * the best grounded, else the earliest; ties go to the earliest, then the smallest id, so the
 * choice never depends on input order. Every other member is rejected; none is deleted.
 */
export function keepOnePerGroup(members: readonly GroupMember[]): KeepOnePlan {
  const groups = new Map<string, GroupMember[]>();
  for (const m of members) {
    const list = groups.get(m.group);
    if (list) list.push(m);
    else groups.set(m.group, [m]);
  }
  const keep: string[] = [];
  const reject: string[] = [];
  for (const list of groups.values()) {
    let best: GroupMember | undefined;
    for (const m of list) if (!best || better(m, best)) best = m;
    if (!best) continue;
    keep.push(best.id);
    for (const m of list) if (m !== best && m.status !== "rejected") reject.push(m.id);
  }
  return { keep, reject };
}

/** True when `a` should be kept rather than `b`. */
function better(a: GroupMember, b: GroupMember): boolean {
  const accepted = Number(a.status === "accepted") - Number(b.status === "accepted");
  if (accepted !== 0) return accepted > 0;
  const ga = a.grounding ?? -1;
  const gb = b.grounding ?? -1;
  if (ga !== gb) return ga > gb;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt;
  return a.id < b.id;
}
