/**
 * What each ArchiMate 3.1 element and relationship type becomes in Stapel's register, in one place:
 * a process, an asset (with its type and stack layer), a dependency (with which end is the consumer
 * and which relation it is), or nothing — with the reason, which the import report shows. Every type
 * the exchange-format schema allows is listed, so a type is never dropped without a reason.
 */
import type { AssetType, Layer } from '../../domain/enums.js';
import type { DEPENDENCY_RELATIONS } from '../../domain/enums.js';

export type DependencyRelation = (typeof DEPENDENCY_RELATIONS)[number];

export type ElementRule =
  { key: 'process' } | { key: 'asset'; type: AssetType; layers: Layer[] } | { key: 'unmapped'; reason: string };

const process = { key: 'process' } as const;
const asset = (type: AssetType, layer: Layer): ElementRule => ({ key: 'asset', type, layers: [layer] });
const unmapped = (reason: string): ElementRule => ({ key: 'unmapped', reason });

const PEOPLE =
  'people, roles and organisational units are not digital dependencies; a supplier modelled as an actor is not ' +
  'told apart from an internal one, so suppliers are entered (or imported) as parties';
const APPLICATION_INSIDE =
  'the inside of an application (its behaviour, interfaces, collaborations): the application component or ' +
  'service it belongs to is the asset';
const TECHNOLOGY_INSIDE =
  'the inside of a platform (its behaviour, interfaces, collaborations): the node, system software or ' +
  'technology service it belongs to is the asset';
const INFORMATION =
  'an information object: Stapel records the assets that hold or process data (and their data sensitivity), not ' +
  'the data items';
const MOTIVATION = 'motivation (why the architecture is as it is) has no register record';
const STRATEGY = 'strategy concepts are abstract; Stapel weighs the concrete processes and assets that realise them';
const MIGRATION = 'implementation and migration plans are not the current register; plan changes as measures';
const EVENT = 'an event is something that happens, not something that runs or is depended on';

/**
 * Element types (the exchange format's xsi:type) → register kind. Why each choice:
 */
export const ELEMENT_RULES: Readonly<Record<string, ElementRule>> = {
  // Business layer. Processes and functions are what an organisation does and whose continuity is
  // weighed (a function is a process grouped by capability rather than by flow: both are "processes").
  BusinessProcess: process,
  BusinessFunction: process,
  BusinessActor: unmapped(PEOPLE),
  BusinessRole: unmapped(PEOPLE),
  BusinessCollaboration: unmapped(PEOPLE),
  BusinessInterface: unmapped(
    'a channel through which a business service is offered (a desk, a phone line), not a system',
  ),
  // An interaction is behaviour of several roles together; modelled as a process it is imported.
  BusinessInteraction: unmapped(
    'collaborative behaviour of several roles; model it as a business process to import it',
  ),
  BusinessEvent: unmapped(EVENT),
  // The outside view of business behaviour: the processes realising it are the unit Stapel weighs.
  BusinessService: unmapped('the outside view of business processes; the processes that realise it are imported'),
  BusinessObject: unmapped(INFORMATION),
  Contract: unmapped(
    'an ArchiMate contract is the terms of an agreement as a business object, without the supplier, dates and ' +
      'notice period a register contract has',
  ),
  Representation: unmapped(INFORMATION),
  Product: unmapped(
    'an ArchiMate product is what the organisation offers its customers, not a vendor catalogue item (Stapel product)',
  ),

  // Application layer. A component is the application itself; a service is what applications offer
  // and what processes use — often the only application concept a business-level model draws, so it
  // is an asset too (type application: the model does not say whether it is bought as SaaS).
  ApplicationComponent: asset('application', 'applications'),
  ApplicationService: asset('application', 'applications'),
  ApplicationCollaboration: unmapped(APPLICATION_INSIDE),
  ApplicationInterface: unmapped(APPLICATION_INSIDE),
  ApplicationFunction: unmapped(APPLICATION_INSIDE),
  ApplicationInteraction: unmapped(APPLICATION_INSIDE),
  ApplicationProcess: unmapped(APPLICATION_INSIDE),
  ApplicationEvent: unmapped(EVENT),
  DataObject: unmapped(INFORMATION),

  // Technology layer. Nodes, system software and technology services are the software platforms
  // applications run on: DOSA's soft infrastructure, asset type platform (the model does not say
  // whether it is IaaS or PaaS bought from a cloud provider).
  Node: asset('platform', 'soft-infrastructure'),
  SystemSoftware: asset('platform', 'soft-infrastructure'),
  TechnologyService: asset('platform', 'soft-infrastructure'),
  // Physical machines: DOSA's hardware layer.
  Device: asset('hardware', 'hardware'),
  // Networks are physical infrastructure in DOSA (cables, masts, exchanges), type network.
  CommunicationNetwork: asset('network', 'physical-infrastructure'),
  TechnologyCollaboration: unmapped(TECHNOLOGY_INSIDE),
  TechnologyInterface: unmapped(TECHNOLOGY_INSIDE),
  TechnologyFunction: unmapped(TECHNOLOGY_INSIDE),
  TechnologyProcess: unmapped(TECHNOLOGY_INSIDE),
  TechnologyInteraction: unmapped(TECHNOLOGY_INSIDE),
  TechnologyEvent: unmapped(EVENT),
  Path: unmapped('a logical communication path; the communication network that realises it is the asset'),
  Artifact: unmapped(
    'a deployable file (a program, a database file): the node or system software it is deployed on is the asset',
  ),

  // Physical elements. Equipment is a physical machine (hardware layer); a facility (a data centre,
  // a building) is physical infrastructure.
  Equipment: asset('hardware', 'hardware'),
  Facility: asset('facility', 'physical-infrastructure'),
  DistributionNetwork: unmapped('transports materials or energy, not data'),
  Material: unmapped(
    'a physical material a process handles; raw-material dependencies come from the knowledge base per product category',
  ),

  // Motivation, strategy, implementation and migration: no register content.
  Stakeholder: unmapped(MOTIVATION),
  Driver: unmapped(MOTIVATION),
  Assessment: unmapped(MOTIVATION),
  Goal: unmapped(MOTIVATION),
  Outcome: unmapped(MOTIVATION),
  Principle: unmapped(MOTIVATION),
  Requirement: unmapped(MOTIVATION),
  Constraint: unmapped(MOTIVATION),
  Meaning: unmapped(MOTIVATION),
  Value: unmapped(MOTIVATION),
  Resource: unmapped(STRATEGY),
  Capability: unmapped(STRATEGY),
  CourseOfAction: unmapped(STRATEGY),
  ValueStream: unmapped(STRATEGY),
  WorkPackage: unmapped(MIGRATION),
  Deliverable: unmapped(MIGRATION),
  ImplementationEvent: unmapped(MIGRATION),
  Plateau: unmapped(MIGRATION),
  Gap: unmapped(MIGRATION),

  // Composite and connecting elements.
  Grouping: unmapped('groups concepts for a view; its members are imported (or counted here) themselves'),
  Location: unmapped(
    'a place without a country: Stapel records hosting and data locations as countries on the asset; enter them there',
  ),
  // A junction is no record of its own: the relationships through it are joined into dependencies
  // (junctions.ts), an Or-junction's alternatives into a redundancy group.
  AndJunction: unmapped('a junction joins relationships; the relationships through it are joined into dependencies'),
  OrJunction: unmapped(
    'a junction joins relationships; the relationships through it are joined into dependencies, alternatives into a redundancy group',
  ),
};

/**
 * The asset types a model's coarse type may have been refined to in the register: a model does not
 * say whether an application is bought as SaaS or a platform is IaaS, so a re-import keeps what the
 * register knows instead of setting the type back.
 */
export const TYPE_REFINEMENTS: Readonly<Partial<Record<AssetType, readonly AssetType[]>>> = {
  application: ['saas', 'data-service', 'ai-model'],
  platform: ['iaas', 'paas'],
  network: ['connectivity'],
};

/** For a type the schema allows but this table does not know (a later schema version). */
export const UNKNOWN_ELEMENT_REASON = 'an element type this version of Stapel does not know';

export type RelationshipRule =
  | {
      key: 'dependency';
      /** Which end is the consumer (the one that depends on the other). */
      consumer: 'source' | 'target';
      relation: DependencyRelation;
    }
  | { key: 'unmapped'; reason: string };

/**
 * Relationship types → dependency. The direction always runs from the consumer, which stops when the
 * provider stops, to the provider. Why each choice:
 */
export const RELATIONSHIP_RULES: Readonly<Record<string, RelationshipRule>> = {
  // "A serves B": B uses the functionality A offers, so B depends on A.
  Serving: { key: 'dependency', consumer: 'target', relation: 'uses' },
  // "A realizes B": A is what makes B exist (a component realising an application service, a node
  // realising a technology service), so B depends on A and runs on it.
  Realization: { key: 'dependency', consumer: 'target', relation: 'runs-on' },
  // "A is assigned to B": the active structure A performs or hosts B (a device assigned to system
  // software is the machine it is installed on; a component assigned to a function performs it), so
  // B depends on A and runs on it.
  Assignment: { key: 'dependency', consumer: 'target', relation: 'runs-on' },
  // "A accesses B": the exchange format always draws access from the behaviour or active structure
  // to the passive object, whatever the access type (read, write); the accessor needs what it
  // reads or writes, so A depends on B. The passive objects it points to (data objects, artifacts)
  // are rarely mapped, so these usually end in the unmapped count.
  Access: { key: 'dependency', consumer: 'source', relation: 'uses' },
  // "A flows to B": B receives what A transfers (information, value), so B depends on A upstream.
  Flow: { key: 'dependency', consumer: 'target', relation: 'uses' },
  // Whole and part: what a thing consists of, not which one needs which to keep running; the parts'
  // own serving, realization and assignment relationships carry the dependencies.
  Composition: { key: 'unmapped', reason: 'whole and part, not dependence: the parts’ own relationships carry that' },
  Aggregation: { key: 'unmapped', reason: 'whole and part, not dependence: the parts’ own relationships carry that' },
  Specialization: { key: 'unmapped', reason: 'a kind-of relation between types, not between things that run' },
  Influence: { key: 'unmapped', reason: 'motivation elements affecting each other, not a supply relation' },
  Triggering: {
    key: 'unmapped',
    reason: 'order in time or cause between behaviours; the one triggered does not need the other to keep running',
  },
  Association: { key: 'unmapped', reason: 'an unspecified relation: no consumer and provider can be read from it' },
};

export const UNKNOWN_RELATIONSHIP_REASON = 'a relationship type this version of Stapel does not know';
