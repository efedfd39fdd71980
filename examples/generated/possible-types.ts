
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "Entity": [
      "Organization",
      "Person",
      "Place"
    ],
    "Node": [
      "Article",
      "Organization",
      "Person",
      "Place",
      "Publisher",
      "Quote"
    ],
    "RelatedEntity": [
      "Organization",
      "Person",
      "Place"
    ],
    "Speaker": [
      "Organization",
      "Person"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "Entity": [
      "Organization",
      "Person",
      "Place"
    ],
    "Node": [
      "Article",
      "Organization",
      "Person",
      "Place",
      "Publisher",
      "Quote"
    ],
    "RelatedEntity": [
      "Organization",
      "Person",
      "Place"
    ],
    "Speaker": [
      "Organization",
      "Person"
    ]
  }
};
      export default result;
    