/**
 * The security graph: one directed multigraph across layers, so attack paths such as
 * internet → open port → unpatched service → over-privileged role → sensitive data can be walked.
 *
 * Engines add what they prove, each edge with the facts that justify it:
 * - reachability (`src/graph/reachability/`): internet → endpoint → workload (`reaches`);
 * - IAM escalation (`src/graph/iam/`): principal → principal (`can-become`), principal → data (`can-access`);
 * - Kubernetes RBAC: service account → cluster role / cluster-admin (`can-become`);
 * - container escape: container → node (`escapes-to`), stronger when the node's runtime is vulnerable;
 * - workload identity: workload → role / service account (`runs-as`);
 * - vulnerabilities (`src/vulns/`): workload or host → package (`runs-package`), package → vulnerability (`has-vulnerability`).
 *
 * Node ids are stable: a model resource's node id is its resource id; synthetic nodes use a
 * `kind:` prefix (`internet`, `admin:aws:123456789012`, `cve:CVE-2019-5736`).
 * Built on graphology (a well-kept graph library) rather than a hand-written adjacency map.
 */
import graphology from 'graphology';
import type { Location } from '../model/index.js';

export type SecurityNodeKind =
  | 'internet'
  | 'endpoint'
  | 'workload'
  | 'container'
  | 'host'
  | 'principal'
  | 'admin'
  | 'data'
  | 'package'
  | 'vulnerability'
  | 'zone';

export type SecurityEdgeKind =
  | 'reaches'
  | 'can-become'
  | 'can-access'
  | 'runs-as'
  | 'escapes-to'
  | 'runs-package'
  | 'has-vulnerability'
  | 'contains';

export interface SecurityNode {
  id: string;
  kind: SecurityNodeKind;
  label: string;
  /** the model resource this node stands for, when there is one */
  resourceId?: string;
}

export interface SecurityEdge {
  from: string;
  to: string;
  kind: SecurityEdgeKind;
  /** one line a person can read: "tcp/22 allowed by aws_security_group.web ingress[0]" */
  explanation: string;
  /** technique id, protocol/port, or other detail the engine keys on */
  detail?: Record<string, string | number | boolean>;
  /** the rules, statements or attributes that justify the edge */
  evidence: Location[];
  /** 'unknown' when the edge depends on a value that could not be resolved */
  certainty: 'proven' | 'unknown';
}

type Graph = InstanceType<typeof graphology.MultiDirectedGraph>;

export class SecurityGraph {
  readonly graph: Graph = new graphology.MultiDirectedGraph();

  addNode(node: SecurityNode): void {
    if (this.graph.hasNode(node.id)) this.graph.mergeNodeAttributes(node.id, node);
    else this.graph.addNode(node.id, node);
  }

  /** Adds an edge; both ends must exist (add them with `addNode` first). */
  addEdge(edge: SecurityEdge): void {
    for (const end of [edge.from, edge.to]) {
      if (!this.graph.hasNode(end)) throw new Error(`security graph: edge ${edge.kind} names unknown node ${end}`);
    }
    this.graph.addDirectedEdge(edge.from, edge.to, edge);
  }

  node(id: string): SecurityNode | undefined {
    return this.graph.hasNode(id) ? (this.graph.getNodeAttributes(id) as SecurityNode) : undefined;
  }

  nodes(): SecurityNode[] {
    return this.graph.mapNodes((_id, attrs) => attrs as SecurityNode);
  }

  edges(): SecurityEdge[] {
    return this.graph.mapEdges((_id, attrs) => attrs as SecurityEdge);
  }

  outEdges(id: string): SecurityEdge[] {
    if (!this.graph.hasNode(id)) return [];
    return this.graph.mapOutEdges(id, (_e, attrs) => attrs as SecurityEdge);
  }

  /**
   * Shortest path (fewest edges) from `from` to any node accepted by `isTarget`, following only
   * edges accepted by `follow`. Breadth-first, so the first path found is a shortest one.
   */
  shortestPath(
    from: string,
    isTarget: (node: SecurityNode) => boolean,
    follow: (edge: SecurityEdge) => boolean = () => true,
  ): SecurityEdge[] | undefined {
    if (!this.graph.hasNode(from)) return undefined;
    const via = new Map<string, SecurityEdge | null>([[from, null]]);
    let frontier = [from];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const id of frontier) {
        const node = this.node(id)!;
        if (id !== from && isTarget(node)) {
          const path: SecurityEdge[] = [];
          for (let at = id; at !== from; ) {
            const edge = via.get(at)!;
            path.unshift(edge);
            at = edge.from;
          }
          return path;
        }
        for (const edge of this.outEdges(id)) {
          if (via.has(edge.to) || !follow(edge)) continue;
          via.set(edge.to, edge);
          next.push(edge.to);
        }
      }
      frontier = next;
    }
    return undefined;
  }
}
